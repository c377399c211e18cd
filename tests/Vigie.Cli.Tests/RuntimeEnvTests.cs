using System.Diagnostics;
using Vigie.Lexicons;

namespace Vigie.Tests;

/// <summary>
/// scripts/runtime-env, sourced by the launcher and the benchmark scripts: it gives the collector a 16 MB young
/// generation unless the environment already chose one (its effect is measured in docs/BENCHMARKS.md).
/// </summary>
public class RuntimeEnvTests
{
    private static string Script => Path.Combine(DataPaths.Root, "scripts", "runtime-env");

    private static string Bash(string command, string? presetBudget)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        psi.Environment.Remove("DOTNET_GCgen0size");
        if (presetBudget != null) psi.Environment["DOTNET_GCgen0size"] = presetBudget;
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"bash -c {command}: exit {p.ExitCode}: {error}");
        return output.Trim();
    }

    [Fact]
    public void Sourced_SetsTheYoungGenerationBudget()
        => Assert.Equal("0x1000000", Bash($". '{Script}' && printf %s \"$DOTNET_GCgen0size\"", null));

    [Fact]
    public void Sourced_KeepsABudgetTheEnvironmentAlreadySets()
        => Assert.Equal("0x4000000", Bash($". '{Script}' && printf %s \"$DOTNET_GCgen0size\"", "0x4000000"));

    [Fact]
    public void LauncherAndBenchmarkScripts_SourceIt()
    {
        foreach (var script in new[] { "vigie", "benchmarks/run", "benchmarks/scale/run" })
        {
            var text = File.ReadAllText(Path.Combine(DataPaths.Root, script));
            Assert.Contains("scripts/runtime-env\"", text, StringComparison.Ordinal);
        }
    }
}
