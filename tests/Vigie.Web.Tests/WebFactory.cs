using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vigie.Web.Data;
using Vigie.Web.Hosting;

namespace Vigie.Web.Tests;

/// <summary>Hosts the web application in memory, in the Production environment, over the given reader or database.</summary>
public sealed class WebFactory : WebApplicationFactory<Program>
{
    private readonly IEventReader? _reader;
    private readonly string? _database;

    public WebFactory(IEventReader reader) => _reader = reader;

    public WebFactory(string databasePath) => _database = databasePath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        if (_database != null) builder.UseSetting(VigieWebHost.DatabaseKey, _database);
        if (_reader != null) builder.ConfigureServices(s => s.AddSingleton(_reader));
    }
}
