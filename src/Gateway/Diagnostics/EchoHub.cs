using Microsoft.AspNetCore.Authorization;
using Naviyam.Gateway.Chat;

namespace Naviyam.Gateway.Diagnostics;

/// <summary>
/// The transport's floor for benchmarks: the same authentication, serialization and connection path as
/// <see cref="ChatHub"/>, but no grain call. A chat turn's cost is measured against it in the same run.
/// </summary>
[Authorize]
public sealed class EchoHub : Microsoft.AspNetCore.SignalR.Hub
{
    public const string Path = "/hubs/echo";

    public ChatMessage Echo(ChatMessage request) => request;
}
