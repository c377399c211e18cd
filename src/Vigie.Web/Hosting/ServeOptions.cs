namespace Vigie.Web.Hosting;

/// <summary>What `vigie serve` was asked for.</summary>
public sealed record ServeOptions
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>The SQLite database to read (opened read-only) when <see cref="OpenReader"/> is not given; also its name in messages.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Opens a reader of the store to serve (any adapter of the storage port); null = the SQLite file at <see cref="DatabasePath"/>.</summary>
    public Func<Vigie.Storage.IStoreReader>? OpenReader { get; init; }

    /// <summary>Addresses to listen on, separated by ';' as ASP.NET Core expects.</summary>
    public string Urls { get; init; } = DefaultUrl;

    /// <summary>Must be true to listen on anything but a loopback address.</summary>
    public bool AllowRemote { get; init; }

    /// <summary>Keep answers of the API per data version (<see cref="Api.ResponseCache"/>); false reads the database for every request (ETags still hold).</summary>
    public bool CacheResponses { get; init; } = true;

    /// <summary>The folder of the UI files; null = wwwroot next to the binaries.</summary>
    public string? WebRoot { get; init; }
}

/// <summary>A mistake in the serve options that the user can fix (reported in one line, exit code 2).</summary>
public sealed class ServeOptionsException(string message) : Exception(message);
