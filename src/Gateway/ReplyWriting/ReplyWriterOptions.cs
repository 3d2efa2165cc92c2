using System.ComponentModel.DataAnnotations;

namespace Naviyam.Gateway.ReplyWriting;

/// <summary>
/// Bound from <c>Naviyam:ReplyWriter</c>. With an <see cref="Endpoint"/> (any OpenAI-compatible chat completions server)
/// the template reply is rewritten by a language model within <see cref="Budget"/>; without one, it is served as is.
/// </summary>
public sealed class ReplyWriterOptions
{
    public const string Section = "Naviyam:ReplyWriter";

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:11434/v1</c>; unset turns the writer off.</summary>
    public Uri? Endpoint { get; set; }

    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>A secret: configuration or environment only, never the repo.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Lets the model call the read-only kernel functions (find meals, the card's balance, the coupons) for the turn's
    /// user while it rewrites; an amount a function returned may then appear in the rewrite. Off by default, and only
    /// for servers that support tool calling. Ordering is never offered to the model.
    /// </summary>
    public bool ToolCalling { get; set; }

    /// <summary>How long a turn waits for the rewrite before it answers with the template.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan Budget { get; set; } = TimeSpan.FromMilliseconds(800);
}
