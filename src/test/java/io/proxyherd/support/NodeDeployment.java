package io.proxyherd.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build packaged, exactly as every node runs it. */
public final class NodeDeployment {

    private NodeDeployment() {}

    public static WebArchive war() {
        return ShrinkWrap.createFromZipFile(
                WebArchive.class, new File(System.getProperty("herd.war", "target/herd.war")));
    }
}
