using Microsoft.Extensions.FileProviders;

namespace Naviyam.Gateway.Page;

/// <summary>
/// The chat page (<c>wwwroot</c>), the SignalR browser client beside it at <c>/lib</c>, and the security headers every
/// response carries. The page runs no inline script, so its policy allows scripts from this origin only.
/// </summary>
public static class ChatPage
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseChatPage(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=()";
            // The Orleans Dashboard is a third-party page with inline scripts; it keeps its own rules (operators only).
            if (!context.Request.Path.StartsWithSegments("/dashboard"))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }
            return next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        if (FindClientLib(app.Environment) is { } clientLib)
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(clientLib), RequestPath = "/lib" });
        }
        return app;
    }

    /// <summary>The npm-restored browser client: beside the binaries when built or published, else in the source tree.</summary>
    private static string? FindClientLib(IWebHostEnvironment environment) =>
        new[]
        {
            Path.Combine(AppContext.BaseDirectory, "clientlib"),
            Path.Combine(environment.ContentRootPath, "ClientLib", "node_modules", "@microsoft", "signalr", "dist", "browser"),
        }.FirstOrDefault(Directory.Exists);
}
