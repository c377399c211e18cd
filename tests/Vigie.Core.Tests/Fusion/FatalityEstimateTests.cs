using Vigie.Fusion;

namespace Vigie.Tests.Fusion;

public class FatalityEstimateTests
{
    [Fact]
    public void Of_NoClaims_IsNull() => Assert.Null(FatalityEstimate.Of([]));

    [Fact]
    public void Of_MostReliableSource_GivesBest()
    {
        var e = FatalityEstimate.Of([new("SANA", 4, 1, "a"), new("OSDH", 9, 5, "b"), new("AFP", 20, 4, "c")])!;
        Assert.Equal((4, 9, 20), (e.Low, e.Best, e.High));
    }

    [Theory]
    [InlineData(new[] { 3, 8, 5 }, 5)]      // odd count: the middle claim
    [InlineData(new[] { 10, 2, 7, 4 }, 4)]  // even count: the lower of the two middle claims
    public void Of_TieOnReliability_BestIsTheMedian(int[] counts, int expectedBest)
    {
        var claims = counts.Select((c, i) => new FatalityClaim($"s{i}", c, 3, $"k{i}"));
        Assert.Equal(expectedBest, FatalityEstimate.Of(claims)!.Best);
    }
}
