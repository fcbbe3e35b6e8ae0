package io.podidentity.system.demo;

import com.azure.identity.ManagedIdentityCredential;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.BlobServiceVersion;
import com.azure.storage.blob.models.BlobContainerItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.core.util.BinaryData;

/**
 * A storage workload: with azure-identity's {@code ManagedIdentityCredential} and azure-storage-blob it creates a
 * container, writes a blob, and lists the containers and blobs back. Exit status 0 on success, 3 when storage refused
 * it, 4 on any other failure.
 *
 * <pre>
 * java -cp podidentity-system-tests.jar io.podidentity.system.demo.StorageMain --account-url URL --container NAME
 *     [--identity-client-id ID] [--bind POD_IP]
 * </pre>
 */
public final class StorageMain {
  private StorageMain() {}

  public static void main(String[] args) {
    WorkloadArgs a = WorkloadArgs.parse(args);
    ManagedIdentityCredential credential = a.credential();
    // Azurite 3.35 knows service versions up to 2025-11-05; newer SDKs default to later ones.
    BlobServiceClient service = new BlobServiceClientBuilder().endpoint(a.value("account-url", ""))
        .credential(credential).httpClient(a.httpClient()).serviceVersion(BlobServiceVersion.V2025_11_05)
        .buildClient();
    String name = a.value("container", "demo");
    try {
      BlobContainerClient container = service.createBlobContainerIfNotExists(name);
      System.out.println("created container " + name);
      container.getBlobClient("hello.txt").upload(BinaryData.fromString("hello from a pod"), true);
      System.out.println("uploaded blob hello.txt");
      for (BlobContainerItem item : service.listBlobContainers()) {
        System.out.println("container " + item.getName());
      }
      container.listBlobs().forEach(b -> System.out.println("blob " + b.getName()));
      System.out.println("read back: " + container.getBlobClient("hello.txt").downloadContent().toString());
      System.exit(0);
    } catch (BlobStorageException e) {
      System.out.println("storage refused: status " + e.getStatusCode() + " " + e.getErrorCode());
      System.exit(3);
    } catch (RuntimeException e) {
      System.out.println("failed: " + e);
      System.exit(4);
    }
  }
}
