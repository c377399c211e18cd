using Vigie.Scoring;

namespace Vigie.Tests.Scoring;

public class SubtypeReportTests
{
    private static SubtypeOutcome O(string expected, string got, string place = "-", string? gotPlace = null) =>
        new(new SubtypeRow(1, "tune", expected, place, "text"), got, gotPlace, got == "-" ? 0 : 1);

    [Fact]
    public void Report_CountsAccuracyNoEventFalseEventsAndPerSubtypeScores()
    {
        var report = new SubtypeReport
        {
            Name = "t",
            Outcomes =
            [
                O("attack", "attack"), O("attack", "armed_clash"), O("armed_clash", "armed_clash"), O("arrests", "-"),
                O("-", "-"), O("-", "attack"),
            ],
        };
        Assert.Equal(2.0 / 4, report.Accuracy, 6);
        Assert.Equal(1.0 / 4, report.NoEventRate, 6);
        Assert.Equal(1.0 / 2, report.FalseEventRate, 6);
        var attack = report.Scores.Single(s => s.Subtype == "attack");
        Assert.Equal((2, 2, 1), (attack.Support, attack.Predicted, attack.Right));
        Assert.Equal(0.5, attack.F1, 6);
        var clash = report.Scores.Single(s => s.Subtype == "armed_clash");
        Assert.Equal((1, 2, 1), (clash.Support, clash.Predicted, clash.Right));
        // weighted by support: attack 0.5 × 2, armed_clash 0.667 × 1, arrests 0 × 1
        Assert.Equal((0.5 * 2 + 2.0 / 3) / 4, report.WeightedF1, 6);
        Assert.Contains(("attack", "armed_clash", 1), report.Confusions);
        Assert.Contains(("-", "attack", 1), report.Confusions);
    }

    [Fact]
    public void Place_IsRightWhenTheNamesContainEachOtherFolded()
    {
        Assert.True(O("attack", "attack", "Lere", "Léré | Tombouctou").PlaceRight);
        Assert.True(O("attack", "attack", "Borno", "Borno state").PlaceRight);
        Assert.False(O("attack", "attack", "Goma", "Bukavu").PlaceRight);
        Assert.False(O("attack", "-", "Goma", null).PlaceRight);
    }

    [Fact]
    public void Load_RejectsASplitOtherThanTuneOrCheck()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# corpus\nsplit\tsubtype\tplace\ttext\tcomment\ntune\tattack\tGoma\tGunmen attacked Goma.\t\nlater\tattack\tGoma\tGunmen attacked Goma again.\t\n");
            var e = Assert.Throws<FormatException>(() => SubtypeCorpus.Load(path));
            Assert.Contains(":4:", e.Message);
        }
        finally { File.Delete(path); }
    }
}
