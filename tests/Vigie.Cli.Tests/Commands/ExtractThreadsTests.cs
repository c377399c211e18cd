using Vigie.Lexicons;

namespace Vigie.Tests.Commands;

public class ExtractThreadsTests
{
    [Fact]
    public void Extract_TwoThreads_PrintsTheSameRecordsInTheSameOrder()
    {
        var samples = Path.Combine(DataPaths.Root, "samples");
        var one = CliRun.Of("extract", samples, "--threads", "1");
        var two = CliRun.Of("extract", samples, "--threads", "2");
        Assert.Equal(0, one.ExitCode);
        Assert.True(one.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 10, "the samples give at least ten records");
        Assert.Equal(one.Out, two.Out);
        Assert.Equal(one.Err, two.Err);
    }

    [Fact]
    public void Extract_ManyDocumentsOverSeveralBatches_KeepsInputOrder()
    {
        var path = Path.GetTempFileName();
        try
        {
            // 600 documents: more than two batches of 256
            File.WriteAllLines(path, Enumerable.Range(1, 600).Select(i =>
                $"{{\"id\":\"d{i}\",\"lang\":\"fr\",\"date\":\"2020-01-0{1 + i % 9}\",\"text\":\"Au moins {i} civils ont été tués mardi à Gao, selon l'ONU.\"}}"));
            var run = CliRun.Of("extract", path, "--threads", "2");
            Assert.Equal(0, run.ExitCode);
            var ids = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!["id"]!.GetValue<string>()).ToList();
            Assert.Equal(Enumerable.Range(1, 600).Select(i => $"d{i}"), ids);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Extract_ZeroThreads_IsAUsageError() =>
        Assert.Equal(2, CliRun.Of("extract", Path.Combine(DataPaths.Root, "samples"), "--threads", "0").ExitCode);
}
