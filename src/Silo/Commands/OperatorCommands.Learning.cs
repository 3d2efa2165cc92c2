using MySqlConnector;
using Naviyam.Infrastructure.MySql;
using Naviyam.Learning;

namespace Naviyam.Silo.Commands;

public static partial class OperatorCommands
{
    /// <summary><c>ab-report [--days N]</c>: click and order rates per ranking arm from the MySQL logs (docs/ranking.md).</summary>
    private static int AbReport(string[] args)
    {
        var (options, configuration) = Split(args, "--days");
        var days = Int(options, "--days", 7, 1, 365);
        var storage = RequireMySql(configuration, "ab-report");
        using var dataSource = new MySqlDataSource(storage.RequireConnectionString(configuration));
        var since = DateTimeOffset.UtcNow - TimeSpan.FromDays(days);
        var arms = new MySqlInteractionLog(dataSource).SummarizeArmsAsync(since).GetAwaiter().GetResult();
        foreach (var line in LearningReportGrain.Lines(LearningReportGrain.Report(since, arms)))
        {
            Console.WriteLine(line);
        }
        return 0;
    }
}
