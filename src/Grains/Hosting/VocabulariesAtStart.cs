using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Naviyam.Lexicons;
using Naviyam.Places;
using Naviyam.Preprocessing;
using Naviyam.Retrieval;

namespace Naviyam.Hosting;

/// <summary>
/// Reads every vocabulary and table file when the host starts, so a missing or malformed file stops the start with a
/// message naming it, instead of failing the first turn that happens to need it (the readers are lazy singletons).
/// </summary>
public sealed class VocabulariesAtStart(IServiceProvider services) : IHostedService
{
    private static readonly Type[] Vocabularies =
    [
        typeof(EmojiSignals), typeof(SlangLexicon), typeof(FoodLexicon), typeof(CueLexicon), typeof(PlaceGazetteer),
        typeof(DietLexicon), typeof(SpicyDishes), typeof(DishPreferences), typeof(FollowUpPhrases), typeof(DishNames),
        typeof(RefusalLexicon), typeof(CardPhrases), typeof(AdminAreas), typeof(TypicalMealPriceTable),
    ];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var vocabulary in Vocabularies)
        {
            services.GetRequiredService(vocabulary);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
