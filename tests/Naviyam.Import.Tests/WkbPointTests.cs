using Naviyam.Catalog.Import;

namespace Naviyam.Import.Tests;

public class WkbPointTests
{
    [Fact]
    public void Decodes_the_first_peer_shop()
    {
        var point = WkbPoint.TryDecodeHex("0x0000000001010000006473C6115EBC5F40C5DDCA73E1BD4240");
        point.Should().NotBeNull();
        point!.Value.Longitude.Should().BeApproximately(126.9432, 0.0001);
        point.Value.Latitude.Should().BeApproximately(37.4834, 0.0001);
    }

    [Fact]
    public void Big_endian_points_are_read_too()
    {
        var bytes = new byte[25];
        bytes[4] = 0; // big endian
        bytes[8] = 1; // type 1 (point), big-endian uint32
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(9), 127.0);
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(17), 37.5);
        var point = WkbPoint.TryDecode(bytes);
        point.Should().Be(new Naviyam.Shops.GeoPoint(37.5, 127.0));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0x00")]
    [InlineData("0xZZ")]
    [InlineData("0x000000000102000000000000000000F03F000000000000F03F")]
    public void Rejects_bad_input(string? hex) => WkbPoint.TryDecodeHex(hex).Should().BeNull();
}
