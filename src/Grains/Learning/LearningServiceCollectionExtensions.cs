using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Hosting;

namespace Naviyam.Learning;

public static class LearningServiceCollectionExtensions
{
    /// <summary>
    /// The learning loop's services that every storage mode shares: the refresh options, this silo's
    /// <see cref="FeatureMemory"/> and its loader (which also schedules the refresh reminder when the silo starts). The
    /// stores (<see cref="IInteractionLog"/>, <see cref="IJourneyStore"/>, <see cref="IFeatureStore"/>) come with the
    /// storage mode.
    /// </summary>
    public static IServiceCollection AddNaviyamLearning(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<FeatureRefreshOptions>(configuration, FeatureRefreshOptions.Section);
        services.AddSingleton<FeatureMemory>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, FeatureMemoryLoader>();
        return services;
    }
}
