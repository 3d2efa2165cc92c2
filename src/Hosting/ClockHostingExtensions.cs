using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Naviyam.Time;

namespace Naviyam.Hosting;

public static class ClockHostingExtensions
{
    /// <summary>
    /// The product's clock (<see cref="SeoulClock"/>) over the host's <see cref="TimeProvider"/>. Development may pin
    /// its start (Naviyam:Clock:PinnedLocalTime, a Seoul wall time) for demos; only the product's notion of "now"
    /// moves, never the runtime's own timers. Tests replace the clock with a fake one.
    /// </summary>
    public static IServiceCollection AddNaviyamClock(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<ClockOptions>(configuration, ClockOptions.Section);
        // Read now as well: whether the product clock is pinned decides what is registered.
        var pinned = configuration.GetSection(ClockOptions.Section).Get<ClockOptions>()?.PinnedLocalTime;
        if (environment.IsDevelopment() && !string.IsNullOrWhiteSpace(pinned))
        {
            if (DateTime.TryParse(pinned, System.Globalization.CultureInfo.InvariantCulture, out var local))
            {
                services.AddSingleton(new SeoulClock(new PinnedStartTimeProvider(SeoulClock.FromSeoulLocal(local))));
            }
        }
        return services;
    }
}
