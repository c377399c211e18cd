namespace Vigie.Tests;

/// <summary>Locates ../shared (gold, seed, spec) from the test binaries.</summary>
public static class SharedPaths
{
    public static string Root { get; } = Find();

    public static string Gold(string file) => Path.Combine(Root, "gold", file);
    public static string Seed(string file) => Path.Combine(Root, "seed", file);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "gold");
            if (Directory.Exists(candidate)) return Path.Combine(dir.FullName, "shared");
            candidate = Path.Combine(dir.FullName, "..", "shared", "gold");
            if (Directory.Exists(candidate)) return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        }
        throw new DirectoryNotFoundException("../shared (gold annotations) not found above the test directory");
    }
}
