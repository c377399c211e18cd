using Vigie.Errors;

namespace Vigie.Lexicons;

/// <summary>
/// Finds the project's data folders (lang/, data/). They are copied next to the binaries at build;
/// VIGIE_HOME overrides, and a source checkout's folders are found by walking up from the working directory.
/// </summary>
public static class DataPaths
{
    private static readonly Lazy<string> _root = new(FindRoot);

    public static string Root => _root.Value;

    /// <summary>The folder of a language pack (see <see cref="Languages"/>).</summary>
    public static string Lang(string language) => Languages.Dir(language);

    private static volatile string[]? _extraLangRoots;

    /// <summary>
    /// The folders that hold language packs (one sub-folder per language code): the project's lang/, then the
    /// folders of VIGIE_LANG_PATH (separated like PATH), then those added by <see cref="AddLangRoot"/>.
    /// A code found in several roots is read from the first.
    /// </summary>
    public static IReadOnlyList<string> LangRoots =>
    [
        System.IO.Path.Combine(Root, "lang"),
        .. (Environment.GetEnvironmentVariable("VIGIE_LANG_PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries),
        .. _extraLangRoots ?? [],
    ];

    /// <summary>Adds a folder of language packs (tests use it for a pack of their own); the new codes are discovered at once.</summary>
    public static void AddLangRoot(string folder)
    {
        lock (_root)
        {
            var full = System.IO.Path.GetFullPath(folder);
            if (_extraLangRoots?.Contains(full) == true) return;
            _extraLangRoots = [.. _extraLangRoots ?? [], full];
            Languages.Refresh();
        }
    }

    public static string Data(params string[] parts) => System.IO.Path.Combine([Root, "data", .. parts]);

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("VIGIE_HOME");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(System.IO.Path.Combine(env, "lang"))) return env;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (Directory.Exists(System.IO.Path.Combine(dir.FullName, "lang", Languages.Default))) return dir.FullName;
        }
        throw new DirectoryNotFoundException(ErrorCatalogue.DataMissing.Message($"the language packs (lang/{Languages.Default}, next to the program or above the working directory)"));
    }
}
