using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Hosting;

namespace Naviyam.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// The retention job's options (validated at start in every mode), its metrics and the scheduler that registers its
    /// reminder. The store that deletes (<see cref="IRetentionStore"/>) comes with MySQL mode; without one the job is
    /// never scheduled.
    /// </summary>
    public static IServiceCollection AddNaviyamRetention(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<RetentionOptions>(configuration, RetentionOptions.Section);
        services.AddSingleton<RetentionMetrics>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, RetentionScheduler>();
        return services;
    }
}
