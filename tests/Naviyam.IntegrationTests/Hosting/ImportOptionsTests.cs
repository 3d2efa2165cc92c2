using System.ComponentModel.DataAnnotations;
using Naviyam.Hosting;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Hosting;

/// <summary>A mistyped import stops the host at start with the key, the reason and the full path it looked at.</summary>
public class ImportOptionsTests
{
    private static IReadOnlyList<string?> Errors(params string[] imports)
    {
        var options = new ImportOptions { Import = imports };
        return options.Validate(new ValidationContext(options)).Select(result => result.ErrorMessage).ToList();
    }

    [Fact]
    public void Existing_lists_of_known_kinds_pass()
    {
        Errors("jeju:" + SharedData.File("real", "jeju", "jeju_mealcard_shops_menus.csv"), "", "STANDARD:" + SharedData.File("real", "daegu", "daegu_mealcard_merchants_2022.csv"))
            .Should().BeEmpty();
    }

    [Fact]
    public void A_missing_path_is_named_in_full_with_the_folder_relative_paths_are_read_from()
    {
        var error = Errors("jeju:no/such/list.csv").Should().ContainSingle().Subject;

        error.Should().StartWith("Naviyam:Import:0: no file or folder at '" + Path.GetFullPath("no/such/list.csv") + "'")
            .And.Contain(Environment.CurrentDirectory);
    }

    [Fact]
    public void An_unknown_kind_or_a_value_without_a_kind_is_refused()
    {
        var errors = Errors("busan:" + SharedData.File("real", "daegu", "daegu_mealcard_merchants_2022.csv"), "shops.csv");

        errors.Should().HaveCount(2);
        errors[0].Should().StartWith("Naviyam:Import:0: Unknown merchant file kind 'busan'");
        errors[1].Should().StartWith("Naviyam:Import:1: An import is written kind:path");
    }
}
