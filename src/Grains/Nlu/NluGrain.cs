using Naviyam.Chat;
using Naviyam.Preprocessing;
using Orleans.Concurrency;

namespace Naviyam.Nlu;

[StatelessWorker]
public sealed class NluGrain(TextNormalizer normalizer, CachedNlu nlu) : Grain, INluGrain
{
    Task<NluResult> INluGrain.AnalyzeAsync(string text) => Task.FromResult(nlu.Analyze(normalizer.Normalize(text)));
}
