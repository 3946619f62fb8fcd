using System.Text.Json.Nodes;

namespace Conformance.Suites.DevicesAndLogout;

/// <summary>
/// Sessions of one fresh account that tests of several fixtures read, so a server that limits logins sees each login
/// once: a second login by localpart, a logout everywhere, and a login after it that names a new device.
/// </summary>
public static class SharedSessions
{
    /// <summary>
    /// A fresh account logged in a second time by its localpart (LOGIN-PASSWORD judges that answer; a server that
    /// refuses it gets the full user ID next, so the logout is still judged), logged out everywhere by /logout/all from
    /// its first session, then logged in once more with a new <c>device_id</c> and <c>initial_device_display_name</c>
    /// (LOGIN-DEVICE and LOGIN-DISPLAYNAME judge that login, LOGOUT-KILLS the devices it sees).
    /// </summary>
    public static readonly OncePerRun<(RegisteredAccount Account, LoginSession Second, NamedLogin Afterwards)> LoggedOutEverywhere = new(async client =>
    {
        var account = await client.RegisterAsync();
        await client.RequireAsync(Feature.PasswordLogin);
        var byLocalpart = await client.LogInWithPasswordAsync(account.UserId.Localpart, account.Password!);
        var second = LoginSession.From(byLocalpart) ?? await client.LogInAgainAsync(account);
        await client.PostLogoutAllAsync(account.AccessToken);
        var (deviceId, displayName) = (client.Fake.DeviceId(), client.Fake.DeviceDisplayName());
        var login = await client.PostLoginAsync(LoginBodies.Password(account.UserId.Value, account.Password)
            .With(new JsonObject { ["device_id"] = deviceId, ["initial_device_display_name"] = displayName }));
        return (account, second, new NamedLogin(byLocalpart, deviceId, displayName, login));
    });

    /// <summary>
    /// A fresh account with a non-ASCII password, logged in a second time with it (LOGIN-PASSWORD judges that answer),
    /// then its first session logged out while the second reads the first's device before and after (LOGOUT-KILLS
    /// judges the device). A login that fails leaves no second session, and nothing after it is sent. Where
    /// registration is closed, two sessions of the suite's own on the given account, or on a user the appservice
    /// makes, stand in: the logout is judged, the password is no choice of the suite's.
    /// </summary>
    public static readonly OncePerRun<SecondSessionLogout> FirstSessionLoggedOut = new(async client =>
    {
        var password = "pässwörd-ünïcödé-" + client.Fake.Password();
        var account = await client.RegistrationIsOpenAsync()
            ? await client.RegisterAsync(new() { Password = password })
            : await client.AccountAsync(AccountUse.OwnSessionsWithoutPassword);
        MatrixResponse login;
        if (account.Origin == AccountOrigin.Registered)
        {
            await client.RequireAsync(Feature.PasswordLogin);
            login = await client.LogInWithPasswordAsync(account.UserId.Value, password);
        }
        else
        {
            login = (await client.LogInAgainAsync(account)).Response;
        }

        if (LoginSession.From(login) is not { } other)
        {
            return new SecondSessionLogout(account, login, null, null);
        }

        var before = await client.GetDeviceAsync(other.AccessToken, account.DeviceId!);
        await client.PostLogoutAsync(account.AccessToken);
        return new SecondSessionLogout(account, login, before, await client.GetDeviceAsync(other.AccessToken, account.DeviceId!));
    });
}

/// <summary>What <see cref="SharedSessions.FirstSessionLoggedOut"/> saw.</summary>
/// <param name="Account">The account; its first session is the one logged out.</param>
/// <param name="Login">The second login, with the account's non-ASCII password.</param>
/// <param name="DeviceBefore">The first session's device read by the second before the logout; null without a second session.</param>
/// <param name="DeviceAfter">The same read after the logout; null without a second session.</param>
public sealed record SecondSessionLogout(RegisteredAccount Account, MatrixResponse Login, MatrixResponse? DeviceBefore, MatrixResponse? DeviceAfter);

/// <summary>The logins of <see cref="SharedSessions.LoggedOutEverywhere"/> that tests judge, with what the last one asked for.</summary>
/// <param name="ByLocalpart">The second login, by the account's localpart.</param>
/// <param name="DeviceId">The new device ID the login after the logout asked for.</param>
/// <param name="DisplayName">The display name it asked for.</param>
/// <param name="Login">Its answer.</param>
public sealed record NamedLogin(MatrixResponse ByLocalpart, string DeviceId, string DisplayName, MatrixResponse Login);
