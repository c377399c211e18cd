using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Web.Hosting;

namespace Vigie.Web.Tests.Browser;

/// <summary>The real server (Kestrel on 127.0.0.1, a free port) over a test database with the samples ingested.</summary>
public sealed class LiveServer : IAsyncLifetime
{
    private WebApplication? _app;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigie-web-" + Guid.NewGuid().ToString("N"));

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var db = await TestStore.CreateAsync(_dir, withSamples: true);
        _app = VigieWebHost.Build(new ServeOptions { DatabasePath = db, Urls = "http://127.0.0.1:0" });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app != null) await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
