using Vigie.Web.Hosting;

// Stand-alone entry (`dotnet run --project src/Vigie.Web -- --db vigie.db`); `vigie serve` is the usual way in.
namespace Vigie.Web;

public class Program
{
    public static async Task<int> Main(string[] args)
    {
        string? Value(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        try
        {
            var options = new ServeOptions
            {
                DatabasePath = Value("--db") ?? "vigie.db",
                Urls = Value("--urls") ?? ServeOptions.DefaultUrl,
                AllowRemote = args.Contains("--allow-remote"),
            };
            Addresses.Check(options.Urls, options.AllowRemote);
            await VigieWebHost.Build(options, args).RunAsync();
            return 0;
        }
        catch (ServeOptionsException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
}
