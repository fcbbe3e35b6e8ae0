package io.podidentity.azuresim.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority made at simulator start. The Azure SDK and MSAL insist on HTTPS, so the
 * simulator serves ARM and Azure AD with a server certificate from this CA and hands clients a trust store that
 * contains only this CA. Validity is computed from the wall clock on purpose: TLS peers check it against real time,
 * whatever clock the simulated services run on.
 */
public final class CertificateAuthority {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IssuedCertificate root;
  private final Clock wallClock;

  private CertificateAuthority(IssuedCertificate root, Clock wallClock) {
    this.root = root;
    this.wallClock = wallClock;
  }

  public static CertificateAuthority create(String commonName) {
    Clock wall = Clock.systemUTC();
    KeyPair keys = rsaKeyPair();
    X500Name name = new X500Name("CN=" + commonName);
    try {
      X509v3CertificateBuilder builder = builder(name, name, keys, wall, Duration.ofDays(3650));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(Extension.subjectKeyIdentifier, false,
          new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
      return new CertificateAuthority(new IssuedCertificate(keys, sign(builder, keys)), wall);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot create certificate authority", e);
    }
  }

  public X509Certificate certificate() {
    return root.certificate();
  }

  /** A TLS server certificate valid for the given host names and IP addresses (as subject alternative names). */
  public IssuedCertificate issueServerCertificate(List<String> hosts) {
    List<GeneralName> names = new ArrayList<>();
    for (String host : hosts) {
      names.add(isIpAddress(host) ? new GeneralName(GeneralName.iPAddress, host)
          : new GeneralName(GeneralName.dNSName, host));
    }
    return issue("CN=" + hosts.get(0), Duration.ofDays(365), builder -> {
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(names.toArray(GeneralName[]::new)));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    });
  }

  /** A certificate for client-assertion authentication of an application, as an app registration would hold. */
  public IssuedCertificate issueClientCertificate(String commonName) {
    return issue("CN=" + commonName, Duration.ofDays(365), builder -> {
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    });
  }

  private interface Extensions {
    void add(X509v3CertificateBuilder builder) throws java.io.IOException;
  }

  private IssuedCertificate issue(String subject, Duration validity, Extensions extensions) {
    KeyPair keys = rsaKeyPair();
    try {
      X509v3CertificateBuilder builder = builder(X500Name.getInstance(
          root.certificate().getSubjectX500Principal().getEncoded()), new X500Name(subject), keys, wallClock, validity);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      extensions.add(builder);
      return new IssuedCertificate(keys, sign(builder, root.keyPair()));
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot issue certificate for " + subject, e);
    }
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, Clock clock,
      Duration validity) {
    Instant now = clock.instant();
    return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)), subject, keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException {
    try {
      ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  /** A fresh 2048-bit RSA key pair (the size Azure AD requires for signing keys and client certificates). */
  public static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA unavailable", e);
    }
  }

  private static boolean isIpAddress(String host) {
    if (!host.matches("[0-9.]+") && !host.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).getHostAddress() != null;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
