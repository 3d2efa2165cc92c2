using System.Text;
using Naviyam.Shops;
using Naviyam.Catalog.Import;

namespace Naviyam.Import.Tests;

public class MerchantImportTests
{
    [Fact]
    public void Unknown_kind_lists_the_known_ones()
    {
        var read = () => MerchantImport.ReadFile("busan", TestData.Daegu, TestData.Map, TestData.MenuKinds);
        read.Should().Throw<ArgumentException>().WithMessage("*busan*jeju*national*peer*seoul*generated*");
    }

    [Theory]
    [InlineData("national")]
    [InlineData("standard")]
    [InlineData("NATIONAL")]
    public void National_has_an_alias(string kind)
    {
        MerchantImport.ReadFile(kind, TestData.Daegu, TestData.Map, TestData.MenuKinds).Shops.Should().HaveCount(1_407);
    }

    [Fact]
    public void Missing_path_is_a_clear_error()
    {
        var read = () => MerchantImport.ReadFile("jeju", "/nonexistent/file.csv", TestData.Map, TestData.MenuKinds);
        read.Should().Throw<FileNotFoundException>().WithMessage("*/nonexistent/file.csv*");
    }

    [Fact]
    public void A_directory_imports_every_file_of_the_kind_and_merges()
    {
        var folder = Path.GetDirectoryName(TestData.JejuMenus)!;
        var result = MerchantImport.ReadFile("jeju", folder, TestData.Map, TestData.MenuKinds);
        var restricted = new JejuImporter(TestData.Map, TestData.MenuKinds).ImportFile(TestData.JejuRestricted).Shops.Select(s => s.Id).ToHashSet();

        result.Shops.Select(s => s.Id).Should().OnlyHaveUniqueItems();
        result.Shops.Where(s => restricted.Contains(s.Id)).Should().HaveCount(43).And.OnlyContain(s => s.NotForChildren);
        result.Rejected.Should().OnlyContain(r => r.Reason.StartsWith("jeju_mealcard_shops_menus.csv: ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_peer_directory_skips_json_files_of_another_shape()
    {
        var result = MerchantImport.ReadFile("peer", Path.GetDirectoryName(TestData.PeerRestaurants)!, TestData.Map, TestData.MenuKinds);
        result.Shops.Should().HaveCount(10);
        // synonyms.json and youth_slang.json are skipped; sample_tables.json is read for its accounts and coupons, of
        // which one cannot be expressed.
        result.Rejected.Where(r => r.Reason.Contains("skipped")).Should().HaveCount(2);
        result.Rejected.Should().HaveCount(3).And.ContainSingle(r => r.Reason.Contains("GOOD_SHOP"));
    }

    [Fact]
    public void Seoul_kind_reads_the_seoul_file()
    {
        MerchantImport.ReadFile("seoul", TestData.Seoul, TestData.Map, TestData.MenuKinds).Shops.Should().HaveCount(1_964);
    }

    [Fact]
    public void Cp949_files_round_trip()
    {
        using var temp = new TempFolder();
        var path = temp.File("seoul_cp949.csv");
        const string csv = "가맹점명,업종명,전화,가맹점주소\r\n김밥천국 신림점,한식,0212345678,\"서울 관악구 신림로 1, 1층\"\r\n뚜레쥬르（봉천점）,제과점,,서울 관악구 봉천로 2\r\n";
        File.WriteAllBytes(path, TextFileReader.Cp949.GetBytes(csv));

        TextFileReader.DetectEncoding(path).CodePage.Should().Be(949);
        var result = MerchantImport.ReadFile("seoul", path, TestData.Map, TestData.MenuKinds);
        result.Shops.Select(s => s.Name).Should().Equal("김밥천국 신림점", "뚜레쥬르（봉천점）");
        result.Shops[0].Address.Should().Be("서울 관악구 신림로 1, 1층");
        result.Shops[0].Category.Should().Be(FoodCategory.Bunsik);
        result.Shops[1].Category.Should().Be(FoodCategory.Bakery);
    }

    [Fact]
    public void Utf8_with_and_without_bom_is_detected()
    {
        using var temp = new TempFolder();
        var withBom = temp.File("bom.csv");
        var withoutBom = temp.File("nobom.csv");
        const string csv = "가맹점명,업종명,전화,가맹점주소\n분식집,한식,,서울\n";
        File.WriteAllText(withBom, csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        File.WriteAllText(withoutBom, csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        TextFileReader.DetectEncoding(withBom).WebName.Should().Be("utf-8");
        TextFileReader.DetectEncoding(withoutBom).WebName.Should().Be("utf-8");
        MerchantImport.ReadFile("seoul", withBom, TestData.Map, TestData.MenuKinds).Shops.Single().Name.Should().Be("분식집");
        MerchantImport.ReadFile("seoul", withoutBom, TestData.Map, TestData.MenuKinds).Shops.Single().Name.Should().Be("분식집");
    }

    [Fact]
    public void Utf8_split_across_detection_chunks_is_still_utf8()
    {
        using var temp = new TempFolder();
        var path = temp.File("long.csv");
        // 'A' shifts the three-byte Hangul so that a character straddles the 64 KiB chunk boundary.
        File.WriteAllText(path, "A" + new string('가', 30_000), new UTF8Encoding(false));
        TextFileReader.DetectEncoding(path).WebName.Should().Be("utf-8");
    }
}
