namespace Vigie.Lexicons;

/// <summary>
/// Finds the project's data folders (lang/, data/). They are copied next to the binaries at build;
/// VIGIE_HOME overrides, and a source checkout's folders are found by walking up from the working directory.
/// </summary>
public static class DataPaths
{
    private static readonly Lazy<string> _root = new(FindRoot);

    public static string Root => _root.Value;

    public static string Lang(string language) => System.IO.Path.Combine(Root, "lang", language);

    public static string Data(params string[] parts) => System.IO.Path.Combine([Root, "data", .. parts]);

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("VIGIE_HOME");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(System.IO.Path.Combine(env, "lang"))) return env;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (Directory.Exists(System.IO.Path.Combine(dir.FullName, "lang", "fr"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("VIG-D001: the language packs (lang/fr) were not found next to the program nor above the working directory; set VIGIE_HOME to the Vigie folder");
    }
}
