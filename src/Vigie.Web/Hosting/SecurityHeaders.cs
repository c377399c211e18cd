namespace Vigie.Web.Hosting;

/// <summary>
/// Headers sent with every response: the page may load only its own scripts, styles, images and
/// data (no inline script, no other origin), may not be framed, and types are not sniffed.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseVigieSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Cross-Origin-Resource-Policy"] = "same-origin";
            h["Permissions-Policy"] = "geolocation=(), camera=(), microphone=()";
            return next(context);
        });
}
