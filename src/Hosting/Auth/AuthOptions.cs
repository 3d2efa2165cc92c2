namespace Naviyam.Hosting.Auth;

/// <summary>Bound from <c>Naviyam:Auth</c>. The signing key is a secret: configuration or environment only, never the repo.</summary>
public sealed class AuthOptions
{
    public const string Section = "Naviyam:Auth";

    /// <summary>Base64 HMAC-SHA256 key, at least 32 bytes. Required outside Development.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "naviyam";

    public string Audience { get; set; } = "naviyam-chat";

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(12);
}
