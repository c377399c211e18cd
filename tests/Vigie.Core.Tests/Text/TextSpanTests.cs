using Vigie.Model;

namespace Vigie.Tests.Text;

public class TextSpanTests
{
    [Theory]
    [InlineData(10, 15, 20, 25, 5)]   // the other after
    [InlineData(20, 25, 10, 15, 5)]   // the other before
    [InlineData(10, 15, 15, 20, 0)]   // touching
    [InlineData(10, 20, 15, 25, 0)]   // overlapping
    [InlineData(10, 30, 15, 20, 0)]   // inside
    public void GapTo_CountsTheCharactersBetween_OnEitherSide(int a0, int a1, int b0, int b1, int expected)
    {
        var a = new TextSpan(a0, a1);
        var b = new TextSpan(b0, b1);
        Assert.Equal(expected, a.GapTo(b));
        Assert.Equal(expected, b.GapTo(a));
    }
}
