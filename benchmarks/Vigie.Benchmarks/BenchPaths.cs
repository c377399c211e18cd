namespace Vigie.Benchmarks;

/// <summary>Finds the repository (the folder holding Vigie.slnx) from the binaries or the working directory.</summary>
public static class BenchPaths
{
    private static readonly Lazy<string> _root = new(() =>
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("the Vigie repository (Vigie.slnx) was not found above the working directory");
    });

    public static string Root => _root.Value;
    public static string CorpusDir => Path.Combine(Root, "benchmarks", "corpus");
    public static string WorkDir => Path.Combine(Root, "benchmarks", ".work");
}
