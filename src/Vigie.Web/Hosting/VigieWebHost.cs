using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Vigie.Json;
using Vigie.Web.Api;
using Vigie.Web.Data;

namespace Vigie.Web.Hosting;

/// <summary>Builds the web application of `vigie serve`: the API, the OpenAPI description and the UI files.</summary>
public static class VigieWebHost
{
    /// <summary>Configuration key of the database path (overrides <see cref="ServeOptions.DatabasePath"/>; used by tests).</summary>
    public const string DatabaseKey = "Vigie:Database";

    public static WebApplication Build(ServeOptions options, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(VigieWebHost).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
            k.Limits.MaxRequestLineSize = RequestLimits.MaxRequestLineBytes;
            k.Limits.MaxRequestHeadersTotalSize = RequestLimits.MaxHeaderBytes;
        });

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Vigie";
                doc.Info.Description = "Read-only API over a Vigie database of conflict events, their sources and the text that supports them.";
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(Api.ApiParameters.Transformer);
        });
        builder.Services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        builder.Services.AddSingleton(new ResponseCache { Enabled = options.CacheResponses });
        builder.Services.AddSingleton<IEventReader>(sp =>
        {
            var path = sp.GetRequiredService<IConfiguration>()[DatabaseKey];
            var json = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            if (path == null && options.OpenReader is { } open) return new StoreEventReader(open, json);
            return StoreEventReader.ForSqlite(path ?? options.DatabasePath, json);
        });

        var app = builder.Build();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseVigieSecurityHeaders();
        app.UseVigieRequestLimits();

        var webRoot = options.WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(Path.GetFullPath(webRoot));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl =
                    ctx.File.PhysicalPath?.Contains("vendor", StringComparison.Ordinal) == true ? "public, max-age=86400" : "no-cache",
            });
        }

        app.MapOpenApi();
        app.MapVigieApi();
        return app;
    }

    /// <summary>The JSON conventions of the API: those of the JSONL format (snake_case, spans as [start, end]) but nulls kept.</summary>
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        foreach (var c in VigieJson.Options.Converters) o.Converters.Add(c);
    }
}
