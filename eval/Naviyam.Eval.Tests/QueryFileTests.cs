using Naviyam.Eval.Places;
using Naviyam.Eval.Queries;
using Naviyam.Eval.Raw;
using Naviyam.Eval.Running;

namespace Naviyam.Eval.Tests;

public class QueryFileTests
{
    [Fact]
    public void The_teams_query_set_loads_and_covers_every_dataset()
    {
        var queries = QueryFile.LoadFolder(EvalPaths.Discover().QueriesFolder, Fixture.Dishes);

        queries.Should().HaveCountGreaterThanOrEqualTo(300);
        queries.Select(q => q.Dataset).Distinct().Should().BeEquivalentTo(QueryFile.Datasets);
        queries.Should().Contain(q => q.Ask.Kind == AskKind.Refusal).And.Contain(q => q.Ask.Kind == AskKind.FollowUp)
            .And.Contain(q => q.User.Card != null).And.Contain(q => q.Ask.Time != null);
    }

    /// <summary>Reads the real gazetteer and Jeju list from ../shared in place (as the eval does).</summary>
    [Fact]
    public void Every_named_area_of_the_query_set_is_a_place_the_judge_can_resolve()
    {
        var paths = EvalPaths.Discover();
        var places = PlaceIndex.Load(paths.Gazetteer, Fixture.Data("legal-dongs.json"));
        var jeju = Datasets.Jeju.LoadCatalog(paths, places);
        var queries = QueryFile.LoadFolder(paths.QueriesFolder, Fixture.Dishes).Where(q => q.Ask.Area is not null);

        foreach (var query in queries)
        {
            var sido = Datasets.All.Single(d => d.Name == query.Dataset).Sido;
            var resolve = () => query.Dataset == "jeju" ? jeju.ResolveArea(query.Ask.Area!) : places.Resolve(query.Ask.Area!, sido);
            resolve.Should().NotThrow($"{query.Id} names '{query.Ask.Area}'");
        }
    }

    [Theory]
    [InlineData("""{"id":"x","dataset":"busan","turns":["a"],"ask":{}}""", "dataset")]
    [InlineData("""{"id":"x","dataset":"jeju","turns":["a"],"user":{"age":20},"ask":{"minor":true}}""", "minor")]
    [InlineData("""{"id":"x","dataset":"jeju","turns":["a"],"ask":{"dish":"unicorn"}}""", "unicorn")]
    [InlineData("""{"id":"x","dataset":"jeju","turns":["a"],"ask":{"kind":"follow-up","followUp":{"type":"where","pick":2}}}""", "earlier turn")]
    [InlineData("""{"id":"x","dataset":"jeju","turns":["a"],"user":{"age":12,"card":{"balance":100}},"ask":{}}""", "card")]
    [InlineData("""{"id":"x","dataset":"jeju","turns":["a"],"ask":{"budget":{"won":5000,"kind":"range"}}}""", "range")]
    public void A_query_that_breaks_a_rule_is_refused_with_the_reason(string line, string reason)
    {
        var path = Path.Combine(Path.GetTempPath(), $"eval-query-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, line + "\n");
        try
        {
            var load = () => QueryFile.Load(path, Fixture.Dishes);
            load.Should().Throw<InvalidDataException>().WithMessage($"*{reason}*");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
