using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigie.Tests.Watch;

/// <summary>An answer of the test server: status, body, headers, and a pause before the body.</summary>
public sealed record Answer(int Status, byte[] Body, string ContentType = "application/rss+xml; charset=utf-8")
{
    public string? ETag { get; init; }
    public string? Location { get; init; }
    public string? RetryAfter { get; init; }
    public TimeSpan Delay { get; init; }
    public static Answer Text(string body, string type = "application/rss+xml; charset=utf-8") => new(200, Encoding.UTF8.GetBytes(body), type);
}

/// <summary>One request the server received.</summary>
public sealed record Received(string Path, string? IfNoneMatch, string? UserAgent, DateTime At);

/// <summary>
/// An HTTP server on 127.0.0.1 and a free port, in the test process (HttpListener): each path answers
/// what its handler says at that moment, so a feed can change between two polls. Every request is recorded.
/// </summary>
public sealed class FeedServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Func<HttpListenerRequest, Answer>> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    public ConcurrentQueue<Received> Requests { get; } = new();
    public string Root { get; }

    public FeedServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Root = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(Root + "/");
            try { _listener.Start(); break; }
            catch (HttpListenerException) when (attempt < 5) { }
        }
        _ = Task.Run(LoopAsync);
    }

    public Uri Url(string path) => new(Root + path);

    public void Serve(string path, Func<HttpListenerRequest, Answer> handler) => _routes[path] = handler;
    public void Serve(string path, Answer answer) => _routes[path] = _ => answer;

    public int Count(string path) => Requests.Count(r => r.Path == path);

    private int _inFlight;
    /// <summary>The most requests the server was answering at the same time.</summary>
    public int MaxInFlight { get; private set; }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            _ = Task.Run(() => HandleAsync(ctx));
        }
    }

    private async Task HandleAsync(HttpListenerContext ctx)
    {
        var path = ctx.Request.Url!.AbsolutePath;
        Requests.Enqueue(new Received(path, ctx.Request.Headers["If-None-Match"], ctx.Request.Headers["User-Agent"], DateTime.UtcNow));
        var now = Interlocked.Increment(ref _inFlight);
        lock (Requests) MaxInFlight = Math.Max(MaxInFlight, now);
        try
        {
            var answer = _routes.TryGetValue(path, out var h) ? h(ctx.Request) : new Answer(404, Encoding.UTF8.GetBytes("not here"), "text/plain");
            ctx.Response.StatusCode = answer.Status;
            ctx.Response.ContentType = answer.ContentType;
            if (answer.ETag != null) ctx.Response.Headers["ETag"] = answer.ETag;
            if (answer.Location != null) ctx.Response.Headers["Location"] = answer.Location;
            if (answer.RetryAfter != null) ctx.Response.Headers["Retry-After"] = answer.RetryAfter;
            if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, _stop.Token);
            if (answer.Status != 304 && answer.Body.Length > 0)
            {
                ctx.Response.ContentLength64 = answer.Body.Length;
                await ctx.Response.OutputStream.WriteAsync(answer.Body, _stop.Token);
            }
            ctx.Response.Close();
        }
        catch (Exception)
        {
            try { ctx.Response.Abort(); } catch (Exception) { }
        }
        finally { Interlocked.Decrement(ref _inFlight); }
    }

    /// <summary>An RSS 2.0 feed of (guid/link, title, description, date) items.</summary>
    public static string Rss(string title, params (string Link, string Title, string Description, string Date)[] items)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>").Append(title).Append("</title><language>fr</language>\n");
        foreach (var i in items)
            sb.Append("<item><title>").Append(WebUtility.HtmlEncode(i.Title)).Append("</title><link>").Append(i.Link).Append("</link><pubDate>")
              .Append(i.Date).Append("</pubDate><description>").Append(WebUtility.HtmlEncode(i.Description)).Append("</description></item>\n");
        sb.Append("</channel></rss>\n");
        return sb.ToString();
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _listener.Stop(); _listener.Close(); } catch (Exception) { }
        _stop.Dispose();
    }
}
