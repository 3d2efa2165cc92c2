using Naviyam.Places;

namespace Naviyam.UnitTests.Places;

public class AdminAreaFileTests
{
    /// <summary>Set to 1 to rewrite <c>data/places/admin-areas.tsv</c> from the shared table before comparing (see data/places/README.md).</summary>
    private const string RewriteVariable = "NAVIYAM_WRITE_PLACES";

    private static string ShippedPath => Path.Combine(PlacesTestData.RepositoryRoot, "data", "places", "admin-areas.tsv");

    [Fact]
    public void The_shipped_gazetteer_is_exactly_the_conversion_of_the_shared_area_table()
    {
        var converted = AdminAreaConverter.ConvertFile(PlacesTestData.GazetteerCsv);
        if (Environment.GetEnvironmentVariable(RewriteVariable) == "1")
        {
            File.WriteAllText(ShippedPath, converted, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        File.ReadAllText(ShippedPath).Should().Be(converted,
            $"data/places/admin-areas.tsv must be regenerated from the shared table ({RewriteVariable}=1, see data/places/README.md)");
    }

    [Fact]
    public void The_gazetteer_holds_every_area_of_the_table_with_its_parents()
    {
        var areas = PlacesTestData.Areas;

        areas.All.Should().HaveCount(3_790);
        areas.Sidos.Should().HaveCount(17);
        areas.Sigungus.Should().HaveCount(250);
        areas.Dongs.Should().HaveCount(3_523);
        areas.Dongs.Should().OnlyContain(d => areas[d.SigunguId].Level == AreaLevel.Sigungu && areas[d.SidoId].Level == AreaLevel.Sido);
        var sinwol = areas.Dongs.Single(d => d.Eupmyeondong == "신월1동");
        sinwol.FullName.Should().Be("서울특별시 양천구 신월1동");
        sinwol.Code.Should().Be("1147056000");
    }

    [Fact]
    public void The_two_glued_city_districts_are_spaced_like_the_others()
    {
        var areas = PlacesTestData.Areas;

        areas.Sigungus.Select(s => s.Sigungu).Should().Contain(["포항시 남구", "포항시 북구", "수원시 팔달구"])
            .And.NotContain(name => name!.Contains("시남구") || name.Contains("시북구"));
        areas.Cities.Select(c => c.Name).Should().Contain(["수원시", "포항시", "창원시", "고양시"]);
        areas.Cities.Single(c => c.Name == "수원시").SigunguIds.Should().HaveCount(4);
    }

    [Theory]
    [InlineData("1100000000\tsido\t서울특별시\t\t\t37.5\t126.9\n1100000000\tsido\t부산광역시\t\t\t35.1\t129.0", "appears twice")]
    [InlineData("110000000\tsido\t서울특별시\t\t\t37.5\t126.9", "not 10 digits")]
    [InlineData("1100000000\tsigungu\t서울특별시\t\t\t37.5\t126.9", "level 'sigungu' does not agree")]
    [InlineData("1100000000\tsido\t서울특별시\t\t\t37.5\t139.7", "not in Korea")]
    [InlineData("1100000000\tsido\t서울특별시\t\t\t37.5", "6 fields")]
    [InlineData("1111000000\tsigungu\t서울특별시\t종로구\t\t37.5\t126.9", "is not listed before it")]
    [InlineData("1100000000\tsido\t서울특별시\t\t\t37.5\t126.9\n2611000000\tsigungu\t서울특별시\t중구\t\t37.5\t126.9", "code prefix 26")]
    [InlineData("1100000000\tsido\tSeoul\t\t\t37.5\t126.9", "not an area name")]
    public void A_broken_gazetteer_fails_the_load_with_its_line(string body, string problem)
    {
        var lines = new[] { AdminAreaConverter.Header }.Concat(body.Split('\n')).ToArray();

        var read = () => AdminAreaReader.Read(lines, "test.tsv");

        read.Should().Throw<InvalidDataException>().WithMessage($"test.tsv line *{problem}*");
    }

    [Fact]
    public void A_file_without_the_header_is_refused()
    {
        var read = () => AdminAreaReader.Read(["code,sido"], "test.tsv");

        read.Should().Throw<InvalidDataException>().WithMessage("*header*");
    }

    [Fact]
    public void The_converter_refuses_a_table_with_other_columns()
    {
        var convert = () => AdminAreaConverter.Convert(new StringReader("code,name\n1,서울\n"));

        convert.Should().Throw<InvalidDataException>().WithMessage("*columns*");
    }
}
