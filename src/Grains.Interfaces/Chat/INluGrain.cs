namespace Naviyam.Chat;

/// <summary>Stateless NLU for one message, run on a silo so that gateways stay thin clients.</summary>
[Alias("naviyam.INluGrain")]
public interface INluGrain : IGrainWithIntegerKey
{
    [Alias("Analyze")]
    Task<NluResult> AnalyzeAsync(string text);
}
