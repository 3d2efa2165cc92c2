using Microsoft.SemanticKernel;

namespace Naviyam.Gateway.KernelFunctions;

/// <summary>
/// Who the kernel functions act for. The user rides in the kernel's <see cref="Kernel.Data"/>, set by the gateway from
/// the token's subject, and never in a function's arguments: a model fills arguments, so it could name anyone.
/// </summary>
public static class KernelUser
{
    private const string UserKey = "naviyam.user";
    private const string FactsKey = "naviyam.facts";
    private const string ScopeKey = "naviyam.scope";

    /// <summary>A copy of <paramref name="kernel"/> whose functions act for <paramref name="userId"/> only.</summary>
    public static Kernel ForUser(this Kernel kernel, string userId)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var scoped = kernel.Clone();
        scoped.Data[UserKey] = userId;
        scoped.Data[FactsKey] = new FunctionFacts();
        scoped.Data[ScopeKey] = Guid.NewGuid().ToString("N");
        return scoped;
    }

    /// <summary>The user this kernel acts for; a kernel no user was set on runs no function.</summary>
    public static string UserOf(Kernel kernel) =>
        kernel.Data.TryGetValue(UserKey, out var user) && user is string id
            ? id
            : throw new KernelException("Naviyam's kernel functions act for a signed-in user only: call them on kernel.ForUser(userId).");

    /// <summary>
    /// One id per <see cref="ForUser"/> copy: an order placed twice through the same copy (a model repeating its call)
    /// gets the same order key and is paid once; another copy (a later conversation) orders anew.
    /// </summary>
    public static string ScopeOf(Kernel kernel) =>
        kernel.Data.TryGetValue(ScopeKey, out var scope) && scope is string id ? id : throw new KernelException("The kernel has no user scope.");

    /// <summary>What the functions run on this kernel have read from the data (empty for a kernel without a user).</summary>
    public static FunctionFacts FactsOf(Kernel kernel) =>
        kernel.Data.TryGetValue(FactsKey, out var facts) && facts is FunctionFacts known ? known : new FunctionFacts();
}
