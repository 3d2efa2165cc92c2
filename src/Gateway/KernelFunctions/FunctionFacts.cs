using System.Collections.Concurrent;

namespace Naviyam.Gateway.KernelFunctions;

/// <summary>
/// The amounts of money and the names the kernel functions returned during one rewrite: facts from the data, which a
/// rewrite may therefore mention besides the template's (a balance the model looked up, say).
/// </summary>
public sealed class FunctionFacts
{
    private readonly ConcurrentDictionary<long, byte> amounts = new();

    public IReadOnlyCollection<long> Amounts => [.. amounts.Keys];

    public void AddAmount(long won) => amounts.TryAdd(won, 0);

    public void AddAmounts(IEnumerable<long?> won)
    {
        foreach (var amount in won)
        {
            if (amount is { } value)
            {
                AddAmount(value);
            }
        }
    }
}
