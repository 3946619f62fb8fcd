using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using Bogus;

namespace Conformance.Harness.Fakes;

/// <summary>
/// Generated test data. Names come from Bogus with the run's seed (printed, so a failing case can be replayed);
/// a random per-run nonce and a counter make every localpart unique even against a server that keeps old accounts.
/// Passwords come from the OS's secure random generator, never from the seed.
/// </summary>
public sealed class Fake
{
    private const string PasswordChars =
        "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#$%&()*+,-./:;<=>?@[]^_{|}~";

    private readonly Faker _faker;
    private readonly Lock _lock = new();
    private readonly string _nonce;
    private long _counter;

    /// <summary>Creates the generator for a run.</summary>
    public Fake(int seed)
    {
        Seed = seed;
        _faker = new Faker { Random = new Randomizer(seed) };
        _nonce = RandomNumberGenerator.GetString("0123456789abcdefghijklmnopqrstuvwxyz", 6);
    }

    /// <summary>The run part of every localpart (<c>k3f9z2</c> in <c>ada.lovelace-k3f9z2-17</c>), which a replay makes fresh.</summary>
    public string Nonce => _nonce;

    /// <summary>The seed of this run.</summary>
    public int Seed { get; }

    /// <summary>A fresh, grammar-valid localpart no other call in any run returns, e.g. <c>ada.lovelace-k3f9z2-17</c>.</summary>
    public string Localpart()
    {
        string name;
        lock (_lock)
        {
            name = $"{_faker.Name.FirstName()}.{_faker.Name.LastName()}";
        }

        var clean = new string([.. name.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or '.')]).Trim('.');
        if (clean.Length > 24)
        {
            clean = clean[..24];
        }

        return $"{clean}-{_nonce}-{Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>A strong random password of 24 characters.</summary>
    [SuppressMessage("Performance", "CA1822", Justification = "Tests call it on the run's generator, beside Localpart().")]
    public string Password() => RandomNumberGenerator.GetString(PasswordChars, 24);

    /// <summary>A token-shaped random string no server issued: an unknown code, refresh token or access token.</summary>
    [SuppressMessage("Performance", "CA1822", Justification = "Tests call it on the run's generator, beside Password().")]
    public string UnissuedToken() => "conformance_unissued_" + RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>A client-chosen device ID, e.g. <c>CONFK3F9Z2X7</c>.</summary>
    public string DeviceId()
    {
        lock (_lock)
        {
            return "CONF" + _faker.Random.String2(8, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
        }
    }

    /// <summary>An email address no one can hold (<c>example.invalid</c> is reserved, RFC 2606), e.g. <c>ada.lovelace-k3f9z2-18@example.invalid</c>.</summary>
    public string UnownedEmailAddress() => Localpart() + "@example.invalid";

    /// <summary>A human-looking device name, e.g. <c>Ada's laptop</c>.</summary>
    public string DeviceDisplayName()
    {
        lock (_lock)
        {
            return $"{_faker.Name.FirstName()}'s {_faker.PickRandom("laptop", "phone", "tablet", "desktop", "browser")}";
        }
    }
}
