using System.Collections.Concurrent;
using System.Net;
using System.Reflection;

namespace Vigie.Watch;

/// <summary>The answer to one GET: a body, "not modified", or an error in a few words (never an exception).</summary>
public sealed record FetchResult(int Status, byte[]? Body, string? ETag, string? LastModified, string? Error)
{
    /// <summary>How long the server asked to wait (Retry-After of a 429 or 503), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public bool NotModified => Status == 304 && Error == null;
    public bool Ok => Error == null && Status is >= 200 and < 300 && Body != null;
}

/// <summary>
/// HTTP GET as a well-behaved reader of other people's servers: a User-Agent naming Vigie and its
/// version, conditional requests (If-None-Match, If-Modified-Since), one request at a time per host
/// with a pause between two, a time limit on the whole exchange, a size limit on the body and at most
/// five redirects. Every failure (refused connection, timeout, 4xx/5xx, a redirect loop, a body too
/// large) comes back as a <see cref="FetchResult"/> with an error, so that one bad server never stops
/// the others.
/// </summary>
public sealed class PoliteHttp : IDisposable
{
    public static string UserAgent { get; } = "Vigie/" + Version() + " (conflict-event monitor)";

    /// <summary>Longest time for one request, headers and body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Pause between the end of a request to a host and the start of the next one.</summary>
    public TimeSpan HostDelay { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Largest body read (bytes); a larger one is an error.</summary>
    public long MaxBytes { get; init; } = 8L * 1024 * 1024;

    private readonly HttpClient _client;
    private readonly ConcurrentDictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);

    private sealed class HostGate
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public DateTimeOffset NextAllowed = DateTimeOffset.MinValue;
    }

    public PoliteHttp(HttpMessageHandler? handler = null)
    {
        handler ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        };
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
    }

    public async Task<FetchResult> GetAsync(Uri uri, string? etag = null, string? lastModified = null, CancellationToken cancel = default)
    {
        var gate = _hosts.GetOrAdd(uri.Authority, _ => new HostGate());
        await gate.Lock.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var wait = gate.NextAllowed - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancel).ConfigureAwait(false);
            return await SendAsync(uri, etag, lastModified, cancel).ConfigureAwait(false);
        }
        finally
        {
            gate.NextAllowed = DateTimeOffset.UtcNow + HostDelay;
            gate.Lock.Release();
        }
    }

    private async Task<FetchResult> SendAsync(Uri uri, string? etag, string? lastModified, CancellationToken cancel)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (!string.IsNullOrEmpty(etag)) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            if (!string.IsNullOrEmpty(lastModified)) request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var newTag = response.Headers.ETag?.ToString();
            var modified = response.Content.Headers.LastModified?.ToString("R");
            if (status == 304) return new FetchResult(304, null, newTag ?? etag, modified ?? lastModified, null);
            if (status is >= 300 and < 400) return new FetchResult(status, null, null, null, $"HTTP {status}: too many redirects or a redirect without a target");
            if (status is < 200 or >= 300)
                return new FetchResult(status, null, null, null, $"HTTP {status} {response.ReasonPhrase}".TrimEnd()) { RetryAfter = RetryAfterOf(response) };
            if (response.Content.Headers.ContentLength is long declared && declared > MaxBytes)
                return new FetchResult(status, null, null, null, $"body of {declared} bytes, over the limit of {MaxBytes}");
            var body = await ReadLimitedAsync(response.Content, limit.Token).ConfigureAwait(false);
            return body == null
                ? new FetchResult(status, null, null, null, $"body over the limit of {MaxBytes} bytes")
                : new FetchResult(status, body, newTag, modified, null);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return new FetchResult(0, null, null, null, $"no complete answer within {Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new FetchResult(0, null, null, null, "cannot connect: " + (e.HttpRequestError == HttpRequestError.Unknown ? e.Message : e.HttpRequestError.ToString()));
        }
        catch (IOException e)
        {
            return new FetchResult(0, null, null, null, "connection broken: " + e.Message);
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } r) return null;
        if (r.Delta is { } delta) return delta;
        return r.Date is { } date && date > DateTimeOffset.UtcNow ? date - DateTimeOffset.UtcNow : null;
    }

    private async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken cancel)
    {
        await using var stream = await content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, cancel).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > MaxBytes) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private static string Version()
    {
        var asm = typeof(PoliteHttp).Assembly;
        var v = asm.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? asm.GetName().Version?.ToString() ?? "0";
        var plus = v.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? v[..plus] : v;
    }

    public void Dispose() => _client.Dispose();
}
