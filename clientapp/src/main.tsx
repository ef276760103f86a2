import "./styles.css";
import { startApp } from "./startApp";

void startApp(document);
