using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Naviyam.Hosting.Auth;

/// <summary>
/// Checks <see cref="AuthOptions"/> when the gateway starts, so a production host without a usable signing key refuses
/// to start with the reason instead of answering every call with a 500. Development may leave the key out: a key is
/// then generated per start.
/// </summary>
public sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public const int MinimumKeyBytes = 32;

    private const string Key = AuthOptions.Section + ":" + nameof(AuthOptions.SigningKey);
    private const string HowToSet = "Generate one with `openssl rand -base64 32` and pass it through the environment "
        + "(Naviyam__Auth__SigningKey) or a secret store, never the repository.";

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            if (!environment.IsDevelopment())
            {
                failures.Add($"{Key} is required outside Development (environment '{environment.EnvironmentName}'): a base64 key of {MinimumKeyBytes}+ bytes. {HowToSet}");
            }
        }
        else if (KeyBytes(options.SigningKey) is not { } bytes)
        {
            failures.Add($"{Key} is not base64. {HowToSet}");
        }
        else if (bytes < MinimumKeyBytes)
        {
            failures.Add($"{Key} is {bytes} bytes; HMAC-SHA256 needs at least {MinimumKeyBytes}. {HowToSet}");
        }
        if (options.DevTokenLifetime <= TimeSpan.Zero)
        {
            failures.Add($"{AuthOptions.Section}:{nameof(AuthOptions.DevTokenLifetime)} must be positive.");
        }
        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{AuthOptions.Section}:{nameof(AuthOptions.Issuer)} and {nameof(AuthOptions.Audience)} must not be empty.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static int? KeyBytes(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) ? written : null;
    }
}
