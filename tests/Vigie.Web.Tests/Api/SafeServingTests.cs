using System.Net;
using System.Text;
using System.Text.Json;

namespace Vigie.Web.Tests.Api;

/// <summary>Headers, errors without internals, request limits and static files that stay inside the web root.</summary>
public sealed class SafeServingTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/api/events")]
    [InlineData("/api/events?type=war")]
    [InlineData("/no-such-file")]
    public async Task AnyResponse_CarriesSecurityHeaders(string path)
    {
        using var factory = new WebFactory(new RecordingReader());
        var response = await factory.CreateClient().GetAsync(path);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Index_IsServedWithItsScriptsFromTheSameOrigin()
    {
        using var factory = new WebFactory(new RecordingReader());
        var client = factory.CreateClient();
        var html = await client.GetStringAsync("/");
        Assert.Contains("<script src=\"app.js\" type=\"module\">", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", ""));
        Assert.DoesNotContain("https://", html);
        foreach (var script in new[] { "/app.js", "/document.js", "/js/api.js", "/js/vocabulary.js", "/js/map.js" })
        {
            var js = await client.GetAsync(script);
            Assert.Equal(HttpStatusCode.OK, js.StatusCode);
            Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("/%2e%2e/Vigie.Web.dll")]
    [InlineData("/%2e%2e%2fVigie.Web.dll")]
    [InlineData("/..%2fVigie.Web.deps.json")]
    [InlineData("/vendor/..%2f..%2fVigie.Web.deps.json")]
    [InlineData("/%252e%252e/Vigie.Web.dll")]
    [InlineData("/..%5cVigie.Web.dll")]
    [InlineData("/....//Vigie.Web.dll")]
    [InlineData("//etc/passwd")]
    [InlineData("/%2fetc%2fpasswd")]
    public async Task StaticFiles_PathTraversal_ServesNothingOutsideTheWebRoot(string path)
    {
        using var factory = new WebFactory(new RecordingReader());
        var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseAddress!, new Uri(path, UriKind.Relative)));
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.AsSpan().IndexOf("MZ"u8) == 0, "a binary from the program folder was served");
        Assert.DoesNotContain("root:", Encoding.UTF8.GetString(body));
        Assert.DoesNotContain("runtimeTarget", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task ReaderFailure_Returns500ProblemWithoutInternals()
    {
        var secret = "SQLite Error 11: database disk image is malformed at /srv/secret/path.db";
        using var factory = new WebFactory(new RecordingReader { Throw = new InvalidOperationException(secret) });
        var response = await factory.CreateClient().GetAsync("/api/events");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at Vigie", body);
        Assert.DoesNotContain(".cs:line", body);
    }

    [Fact]
    public async Task UnknownApiPath_Returns404Problem()
    {
        using var factory = new WebFactory(new RecordingReader());
        var response = await factory.CreateClient().GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_IsNotAllowed()
    {
        using var factory = new WebFactory(new RecordingReader());
        var response = await factory.CreateClient().PostAsync("/api/events", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task LargeBody_IsRefusedWith413()
    {
        using var factory = new WebFactory(new RecordingReader());
        var response = await factory.CreateClient().PostAsync("/api/events", new ByteArrayContent(new byte[64 * 1024]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Health_WhenTheStoreFails_Returns503()
    {
        using var factory = new WebFactory(new RecordingReader { Throw = new IOException("database not found") });
        var response = await factory.CreateClient().GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesEveryEndpoint()
    {
        using var factory = new WebFactory(new RecordingReader());
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = json.RootElement.GetProperty("paths");
        foreach (var p in new[] { "/api/events", "/api/events/{id}", "/api/documents/{id}", "/api/stats", "/api/health", "/api/vocabulary" })
            Assert.True(paths.TryGetProperty(p, out _), $"OpenAPI lacks {p}");
    }
}
