using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Naviyam.Hosting.Auth;

public static class JwtAuthenticationExtensions
{
    /// <summary>
    /// Bearer tokens signed with <see cref="JwtSigningKey"/> (options checked at start), whose subject is the user, and
    /// the <see cref="OperatorPolicy"/>: what the gateway and a silo process both check.
    /// </summary>
    public static IHostApplicationBuilder AddNaviyamJwtAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        builder.Services.AddSingleton<JwtSigningKey>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<JwtSigningKey, IOptions<AuthOptions>>((jwt, key, auth) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    IssuerSigningKey = key.Key,
                    NameClaimType = "sub",
                    RoleClaimType = OperatorPolicy.RoleClaim,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                jwt.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSockets: SignalR sends the token in the query string.
                    OnMessageReceived = context =>
                    {
                        if (context.HttpContext.Request.Path.StartsWithSegments("/hubs")
                            && context.Request.Query["access_token"].ToString() is { Length: > 0 } token)
                        {
                            context.Token = token;
                        }
                        return Task.CompletedTask;
                    },
                    // The subject is the user: a validly signed token without one names nobody, so it is refused
                    // like an invalid one (401) instead of failing later where the user is needed.
                    OnTokenValidated = context =>
                    {
                        if (string.IsNullOrWhiteSpace(context.Principal?.FindFirst("sub")?.Value))
                        {
                            context.Fail("The token has no subject (sub).");
                        }
                        return Task.CompletedTask;
                    },
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OperatorPolicy.Name, policy => policy.RequireClaim(OperatorPolicy.RoleClaim, OperatorPolicy.Role));
        return builder;
    }
}
