using System.ComponentModel.DataAnnotations;

namespace Naviyam.Gateway.Limits;

/// <summary>
/// Bound from <c>Naviyam:Limits</c>: how many calls one user (the token's subject) or, without a token, one address
/// may make. A token bucket: <see cref="Burst"/> calls at once, refilled at the per-minute rate. REST calls and hub
/// messages draw from the same bucket.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Naviyam:Limits";

    /// <summary>Sustained calls a minute per user: a child types far slower; a script that loops does not.</summary>
    [Range(1, 1_000_000)]
    public int UserRequestsPerMinute { get; set; } = 120;

    /// <summary>Calls a user may make at once before the per-minute rate applies.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 30;

    /// <summary>Sustained calls a minute per client address without a token (sign-in, health, the page).</summary>
    [Range(1, 1_000_000)]
    public int AnonymousRequestsPerMinute { get; set; } = 300;

    /// <summary>
    /// The largest hub message the gateway reads, in bytes (SignalR's <c>MaximumReceiveMessageSize</c>). A chat message
    /// is at most a few KB of JSON; a larger frame closes the connection, and the close error says so ("The maximum message size of …B was exceeded").
    /// </summary>
    [Range(1_024, 1_048_576)]
    public int HubMaxMessageBytes { get; set; } = 64 * 1024;
}
