using Naviyam.Catalog.Import;

namespace Naviyam.Import.Tests;

public class CsvReaderTests
{
    private static List<string[]> Rows(string text) => CsvReader.Parse(text).Select(r => r.Fields.ToArray()).ToList();

    [Fact]
    public void Reads_plain_fields_with_lf_and_crlf()
    {
        Rows("a,b,c\n1,2,3\r\n4,5,6").Should().BeEquivalentTo(
            new[] { new[] { "a", "b", "c" }, ["1", "2", "3"], ["4", "5", "6"] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        var rows = Rows("id,menu\n1,\"김밥 3,000 | 라면 \"\"특\"\" 4,500\"\n2,\"줄\r\n바꿈\"\n");
        rows.Should().HaveCount(3);
        rows[1].Should().Equal("1", "김밥 3,000 | 라면 \"특\" 4,500");
        rows[2].Should().Equal("2", "줄\r\n바꿈");
    }

    [Fact]
    public void Line_numbers_count_physical_lines_including_embedded_breaks()
    {
        var records = CsvReader.Parse("h1,h2\n\"a\nb\",c\nd,e\n").ToList();
        records.Select(r => r.Line).Should().Equal(1, 2, 4);
        records[1].Raw.Should().Be("\"a\nb\",c");
    }

    [Fact]
    public void Empty_fields_and_trailing_comma_are_kept()
    {
        Rows("a,,c,\n,,\n").Should().BeEquivalentTo(
            new[] { new[] { "a", "", "c", "" }, ["", "", ""] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Empty_lines_are_skipped_and_a_bom_is_removed()
    {
        var rows = Rows("\uFEFFid,name\n\n\r\n1,x\n");
        rows.Should().HaveCount(2);
        rows[0][0].Should().Be("id");
    }

    [Fact]
    public void Is_lenient_with_stray_quotes()
    {
        Rows("a\"b,\"c\"d,e").Single().Should().Equal("a\"b", "cd", "e");
    }

    [Fact]
    public void Unterminated_quote_runs_to_the_end()
    {
        Rows("1,\"open\n2,3").Single().Should().Equal("1", "open\n2,3");
    }

    [Fact]
    public void Lone_cr_ends_a_record_and_an_empty_quoted_field_counts()
    {
        Rows("a,b\r\"\"\rc").Should().BeEquivalentTo(
            new[] { new[] { "a", "b" }, [""], ["c"] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Reads_across_buffer_boundaries()
    {
        var longField = new string('가', 40_000);
        var text = $"x,\"{longField}\"\"\"\r\ny,z\r\n";
        var rows = Rows(text);
        rows.Should().HaveCount(2);
        rows[0][1].Should().Be(longField + "\"");
        rows[1].Should().Equal("y", "z");
    }

    [Fact]
    public void Header_lookup_is_by_name()
    {
        var header = new CsvHeader(["\uFEFF가맹점ID", " 가맹점명 ", "위도"]);
        header.IndexOf("가맹점명").Should().Be(1);
        header.IndexOf("없음", "위도").Should().Be(2);
        header.IndexOf("없음").Should().Be(-1);
        header.IndexOf("가맹점ID").Should().Be(0);
    }
}
