namespace Vigie.Web.Hosting;

/// <summary>Bounds on what a client may send. The API only reads, so bodies are refused outright.</summary>
public static class RequestLimits
{
    public const int MaxQueryStringLength = 2048;
    public const int MaxBodyBytes = 16 * 1024;
    public const int MaxRequestLineBytes = 4096;
    public const int MaxHeaderBytes = 16 * 1024;

    public static IApplicationBuilder UseVigieRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.QueryString.HasValue && request.QueryString.Value!.Length > MaxQueryStringLength)
            {
                await Problems.Write(context, StatusCodes.Status414RequestUriTooLong, "Query too long",
                    $"The query string may have at most {MaxQueryStringLength} characters.");
                return;
            }
            if (request.ContentLength > MaxBodyBytes)
            {
                await Problems.Write(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                    $"Requests may carry at most {MaxBodyBytes} bytes.");
                return;
            }
            await next(context);
        });
}
