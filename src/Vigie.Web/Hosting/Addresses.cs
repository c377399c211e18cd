using System.Net;
using Vigie.Errors;

namespace Vigie.Web.Hosting;

/// <summary>Checks the listen addresses: loopback unless remote access was asked for explicitly.</summary>
public static class Addresses
{
    /// <summary>Splits and validates <paramref name="urls"/>; throws <see cref="ServeOptionsException"/> with a message naming the bad address.</summary>
    public static IReadOnlyList<Uri> Check(string urls, bool allowRemote)
    {
        var list = new List<Uri>();
        foreach (var raw in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ServeOptionsException(ErrorCatalogue.BadAddress.Message(raw, $"expected scheme://host:port, such as {ServeOptions.DefaultUrl}"));
            if (uri.AbsolutePath != "/" || uri.Query.Length > 0)
                throw new ServeOptionsException(ErrorCatalogue.BadAddress.Message(raw, "scheme://host:port with no path"));
            if (!allowRemote && !IsLoopback(uri.Host))
                throw new ServeOptionsException(ErrorCatalogue.RemoteAddress.Message(raw));
            list.Add(uri);
        }
        if (list.Count == 0) throw new ServeOptionsException(ErrorCatalogue.BadAddress.Message(urls, "no address in it"));
        return list;
    }

    public static bool IsLoopback(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        var h = host.Trim('[', ']');
        return IPAddress.TryParse(h, out var ip) && IPAddress.IsLoopback(ip);
    }
}
