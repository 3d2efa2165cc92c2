using Microsoft.Extensions.Hosting;
using Naviyam.Infrastructure.MySql.Migrations;

namespace Naviyam.Hosting;

/// <summary>Runs the migrations before anything else starts, when Naviyam:Storage:MigrateOnStart is set.</summary>
public sealed class MigrateOnStart(string connectionString) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        new MigrationRunner(connectionString).ApplyAsync(MigrationRunner.DefaultDirectory, TextWriter.Null, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
