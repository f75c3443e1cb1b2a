package org.selfdata.server;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.texts.Language;
import org.selfdata.texts.Words;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

/** Where an address leads, as the server judges it before fetching an app's registration document from it. */
class AddressScopeTest {
    @ParameterizedTest(name = "{0} leads to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            93.184.215.14           | PUBLIC
            8.8.8.8                 | PUBLIC
            172.32.0.1              | PUBLIC
            100.128.0.1             | PUBLIC
            2606:4700:4700::1111    | PUBLIC
            127.0.0.1               | LOOPBACK
            127.255.255.254         | LOOPBACK
            ::1                     | LOOPBACK
            10.0.0.1                | PRIVATE
            172.16.0.1              | PRIVATE
            172.31.255.255          | PRIVATE
            192.168.1.1             | PRIVATE
            fec0::1                 | PRIVATE
            64:ff9b:1::a00:1        | PRIVATE
            100.64.0.1              | SHARED
            100.127.255.254         | SHARED
            169.254.1.1             | LINK_LOCAL
            fe80::1                 | LINK_LOCAL
            fc00::1                 | UNIQUE_LOCAL
            fd12:3456::1            | UNIQUE_LOCAL
            224.0.0.1               | MULTICAST
            239.255.255.250         | MULTICAST
            ff02::1                 | MULTICAST
            0.0.0.0                 | UNSPECIFIED
            0.1.2.3                 | UNSPECIFIED
            ::                      | UNSPECIFIED
            169.254.169.254         | CLOUD_METADATA
            168.63.129.16           | CLOUD_METADATA
            100.100.100.200         | CLOUD_METADATA
            192.0.0.192             | CLOUD_METADATA
            fd00:ec2::254           | CLOUD_METADATA
            192.0.2.1               | RESERVED
            198.51.100.7            | RESERVED
            203.0.113.9             | RESERVED
            198.18.0.1              | RESERVED
            240.0.0.1               | RESERVED
            255.255.255.255         | RESERVED
            2001:db8::1             | RESERVED
            2001::1                 | RESERVED
            100::1                  | RESERVED
            """)
    void anAddressLeadsWhereItsRangeSays(String address, AddressScope scope) {
        assertThat(AddressScope.of(InetAddress.ofLiteral(address))).isEqualTo(scope);
    }

    /** Every other spelling of an IPv4 address in IPv6 is judged by the IPv4 address it carries. */
    @ParameterizedTest(name = "{0} leads to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ::ffff:127.0.0.1        | LOOPBACK
            ::ffff:169.254.169.254  | CLOUD_METADATA
            ::ffff:10.1.2.3         | PRIVATE
            ::ffff:93.184.215.14    | PUBLIC
            ::127.0.0.1             | LOOPBACK
            ::10.1.2.3              | PRIVATE
            64:ff9b::127.0.0.1      | LOOPBACK
            64:ff9b::a9fe:a9fe      | CLOUD_METADATA
            64:ff9b::5db8:d70e      | PUBLIC
            2002:c0a8:0101::1       | PRIVATE
            2002:7f00:0001::1       | LOOPBACK
            2002:5db8:d70e::1       | PUBLIC
            """)
    void anIpv6AddressCarryingAnIpv4OneLeadsWhereTheIpv4OneDoes(String address, AddressScope scope)
            throws UnknownHostException {
        InetAddress parsed = InetAddress.ofLiteral(address);
        // Java reads an IPv4-mapped literal as the IPv4 address; the IPv6 spelling is judged the same.
        InetAddress asIpv6 = Inet6Address.getByAddress(null, ipv6Bytes(parsed), null);

        assertThat(AddressScope.of(parsed)).isEqualTo(scope);
        assertThat(AddressScope.of(asIpv6)).isEqualTo(scope);
    }

    @ParameterizedTest
    @EnumSource(AddressScope.class)
    void whereAnAddressLeadsIsSaidInBothLanguages(AddressScope scope) {
        assertThat(Words.of(Language.ENGLISH).pattern(scope.key())).isPresent();
        assertThat(Words.of(Language.FRENCH).pattern(scope.key())).isPresent();
    }

    private static byte[] ipv6Bytes(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            return bytes;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        return mapped;
    }
}
