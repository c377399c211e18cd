using Vigie.Cli;
using Vigie.Json;

namespace Vigie.Tests;

public class ExtractCommandTests
{
    [Fact]
    public void Extract_MissingFile_ExitsOneAndNamesTheFile()
    {
        var run = CliRun.Of("extract", "no/such/article.jsonl");
        Assert.Equal(ExitCodes.SomeRejected, run.ExitCode);
        Assert.Contains("no/such/article.jsonl", run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Extract_BadLineAmongGoodOnes_KeepsTheGoodOnesAndReportsTheLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigie-extract-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"a1","lang":"fr","date":"2021-03-02","text":"Deux civils ont été tués mardi à Alep."}""",
            "{ not json",
            """{"id":"a3","lang":"en","date":"2021-03-02","text":"Two soldiers were wounded on Tuesday in Raqqa."}""",
        ]);
        try
        {
            var run = CliRun.Of("extract", path);
            Assert.Equal(ExitCodes.SomeRejected, run.ExitCode);
            Assert.Contains($"{path}:2", run.Err);
            var ids = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => VigieJson.Deserialize(l)!.Id).ToList();
            Assert.Equal(["a1", "a3"], ids);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ExtractTable_TypeColumn_UsesTheAcledLabelsOfVigieEvents()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigie-extract-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"t1","lang":"en","date":"2019-05-20","text":"At least eleven civilians were killed on Monday in an air strike on Maarat al-Numan, the Syrian Observatory for Human Rights said."}""",
        ]);
        try
        {
            var run = CliRun.Of("extract", path, "--format", "table");
            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Contains("Air/drone strike", run.Out);
            Assert.DoesNotContain("ExplosionsRemoteViolence", run.Out);
            Assert.DoesNotContain("AirDroneStrike", run.Out);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Extract_AllGood_ExitsZeroWithOneLinePerDocument()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigie-extract-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"b1","lang":"fr","date":"2022-05-10","text":"Une frappe aérienne a touché un marché."}""",
            """{"id":"b2","lang":"fr","date":"2022-05-11","text":"Aucune victime n'a été signalée."}""",
        ]);
        try
        {
            var run = CliRun.Of("extract", path);
            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Equal(2, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Equal("", run.Err);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ExtractExplain_PrintsEachEventsSubtypeChoiceOnStderr_AndLeavesTheRecordsAsTheyAre()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigie-extract-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"x1","lang":"fr","date":"2024-03-05","text":"Un kamikaze s'est fait exploser mardi à l'entrée du camp militaire de Gao, puis des hommes armés ont attaqué les soldats."}""",
        ]);
        try
        {
            var plain = CliRun.Of("extract", path);
            var run = CliRun.Of("extract", path, "--explain");
            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Equal(plain.Out, run.Out);
            Assert.Equal("", plain.Err);
            Assert.Contains("x1 event 1: suicide_bomb (Gao, 2024-03-05)", run.Err);
            Assert.Contains("x1 event 2: armed_clash (Gao, 2024-03-05)", run.Err);
            Assert.Contains("chosen by target-forces", run.Err);
            Assert.Contains("- attack <- trigger-word", run.Err);
            Assert.Contains("+ also coded as suicide_bomb <- two-events:suicide-bomb-then-clash", run.Err);
        }
        finally { File.Delete(path); }
    }
}
