using System.Text;
using Naviyam.Catalog.Import.DataGeneration;
using Naviyam.Catalog.Import;

namespace Naviyam.Import.Tests;

public class GeneratedDataRoundTripTests
{
    [Fact]
    public void Writes_and_reads_back_the_same_city()
    {
        using var temp = new TempFolder();
        var city = CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = 1_500, Seed = 5, UserCount = 40 });
        GeneratedDataWriter.Write(city, temp.Path);

        var back = GeneratedDataReader.Read(temp.Path);
        back.Shops.Should().HaveCount(city.Shops.Count);
        back.Users.Should().BeEquivalentTo(city.Users, o => o.WithStrictOrdering());
        back.Shops.Should().BeEquivalentTo(city.Shops, o => o.WithStrictOrdering());

        var viaImport = MerchantImport.ReadFile("generated", temp.Path, TestData.Map, TestData.MenuKinds);
        viaImport.Rejected.Should().BeEmpty();
        viaImport.Shops.Select(s => s.Id).Should().Equal(city.Shops.Select(s => s.Id));
    }

    [Fact]
    public void Files_are_utf8_jsonl_with_korean_unescaped()
    {
        using var temp = new TempFolder();
        var city = CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = 20, Seed = 5, UserCount = 3 });
        GeneratedDataWriter.Write(city, temp.Path);

        var bytes = File.ReadAllBytes(temp.File(GeneratedDataWriter.ShopsFileName));
        bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, "no BOM");
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(20);
        lines[0].Should().StartWith("{\"id\":\"generated:1\"").And.Contain("\"synthetic\":true").And.Contain(city.Shops[0].Name);
        lines[0].Should().NotContain("\\u").And.NotContain("isValid").And.NotContain("isPricedMeal");
        lines[0].Should().Contain("\"category\":\"");

        var users = File.ReadAllLines(temp.File(GeneratedDataWriter.UsersFileName));
        users.Should().HaveCount(3);
        users[0].Should().Contain("\"userId\":\"demo-1\"").And.NotContain("maskedCardNumber");
    }

    [Fact]
    public void Bad_lines_are_reported_by_the_import_and_fatal_for_Read()
    {
        using var temp = new TempFolder();
        var city = CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = 3, Seed = 5, UserCount = 0 });
        GeneratedDataWriter.Write(city, temp.Path);
        File.AppendAllText(temp.File(GeneratedDataWriter.ShopsFileName), "{\"id\":\"x\"}\nnot json\n\n");

        var result = MerchantImport.ReadFile("generated", temp.File(GeneratedDataWriter.ShopsFileName), TestData.Map, TestData.MenuKinds);
        result.Shops.Should().HaveCount(3);
        result.Rejected.Select(r => r.Line).Should().Equal(4, 5);

        var read = () => GeneratedDataReader.Read(temp.Path);
        read.Should().Throw<InvalidDataException>().WithMessage("*line 4*");
    }
}
