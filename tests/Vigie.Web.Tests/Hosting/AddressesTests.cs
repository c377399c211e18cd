using Vigie.Web.Hosting;

namespace Vigie.Web.Tests.Hosting;

public sealed class AddressesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://127.0.0.2:8080;http://[::1]:8081")]
    public void Check_LoopbackAddress_IsAccepted(string urls) =>
        Assert.NotEmpty(Addresses.Check(urls, allowRemote: false));

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://192.168.1.10:8080")]
    [InlineData("http://example.org:80")]
    [InlineData("http://127.0.0.1:8080;http://10.0.0.1:8080")]
    public void Check_RemoteAddressWithoutFlag_IsRefused(string urls)
    {
        var e = Assert.Throws<ServeOptionsException>(() => Addresses.Check(urls, allowRemote: false));
        Assert.Contains("--allow-remote", e.Message);
    }

    [Fact]
    public void Check_RemoteAddressWithFlag_IsAccepted() =>
        Assert.Single(Addresses.Check("http://0.0.0.0:8080", allowRemote: true));

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("http://127.0.0.1:8080/app")]
    public void Check_MalformedAddress_IsRefused(string urls) =>
        Assert.Throws<ServeOptionsException>(() => Addresses.Check(urls, allowRemote: true));
}
